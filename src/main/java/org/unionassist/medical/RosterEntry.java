package org.unionassist.medical;

/** One worker on an enrolment list, with where it came from ("名单第3行") so a refusal can point at the line. */
public record RosterEntry(String name, String idNumber, String source) {
}
