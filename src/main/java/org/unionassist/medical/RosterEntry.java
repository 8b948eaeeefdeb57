package org.unionassist.medical;

import org.unionassist.casework.FormValues;

/**
 * One worker on an enrolment list, with where it came from ("名单第3行") so a refusal can point at the line. The name
 * is checked as it is read, whichever way the list came (entered, pasted or uploaded): a claim later carries it.
 */
public record RosterEntry(String name, String idNumber, String source) {

    public RosterEntry {
        name = FormValues.personName(name, source + "的姓名");
    }
}
