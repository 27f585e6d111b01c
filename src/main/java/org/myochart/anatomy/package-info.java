/**
 * The reference catalogue the notes are written against: muscles, pressure points and techniques,
 * each with a stable code, SNOMED CT where verified, whether it has sides, and the intake condition
 * that calls for caution. Entries are added and retired, never deleted, so every note keeps meaning
 * what it said.
 */
package org.myochart.anatomy;
