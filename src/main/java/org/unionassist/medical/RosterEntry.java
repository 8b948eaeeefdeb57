package org.unionassist.medical;

/**
 * One worker on an enrolment list as it was read, with where it came from ("名单第3行") so a refusal can point at the
 * line. {@link Enrolments#register} checks the name and ID number of every entry, whichever way the list came
 * (entered, pasted or uploaded), and names every line to correct at once.
 */
public record RosterEntry(String name, String idNumber, String source) {
}
