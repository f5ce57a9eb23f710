package org.aantafel.record;

/** An agreed action. Who is a name already resolved; due is "" or YYYY-MM-DD; status is open or done. */
public record RecordAction(String what, String who, String due, String status) {
}
