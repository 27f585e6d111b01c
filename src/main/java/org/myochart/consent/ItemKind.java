package org.myochart.consent;

/** A line on a consent form the client answers. */
public enum ItemKind {
  /** Must be ticked before the form can be signed. */
  ACKNOWLEDGEMENT,
  /** A technique the client may accept or decline, one by one. */
  TECHNIQUE
}
