package org.aantafel.record;

/**
 * An agreed action. Who is a name already resolved; due is "" or YYYY-MM-DD; status is open or done.
 *
 * @param doneOn the date it was marked done (YYYY-MM-DD, the meeting's time zone), "" while open: a series tells
 *               actions done on time from late ones by it
 * @param origin the id of the action where it was first agreed, the same across the follow-ups that carry it on
 */
public record RecordAction(String what, String who, String due, String status, String doneOn, String origin) {

  public RecordAction(String what, String who, String due, String status) {
    this(what, who, due, status, "", "");
  }
}
