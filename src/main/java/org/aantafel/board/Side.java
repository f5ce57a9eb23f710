package org.aantafel.board;

/** The side of the table a role sits on: what the balance strip counts agenda items by. */
public enum Side {
  FAMILY, SCHOOL, CARE, OTHER
}
