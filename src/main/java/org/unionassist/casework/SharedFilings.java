package org.unionassist.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * A programme whose records must be kept once per person ("一户一档": one file per household) answers the auditors'
 * cross-check: which people appear in files of more than one union in a year. Each such programme offers one bean;
 * the auditors' check lists what every bean returns, so it needs no code per programme. Raw ID numbers stay in the
 * programme; it hands back the number only for the caller to mask.
 */
public interface SharedFilings {

    /**
     * The people (by ID number) who, between {@code from} and {@code to}, appear as head or member of households with
     * files in two or more of the given unions, with those files; only files of the given unions are looked at.
     */
    List<Person> inSeveralUnions(Collection<String> unionIds, LocalDate from, LocalDate to);

    record Person(String idNumber, String name, List<Filing> filings) {
    }

    /** One file: its number, the union it is kept in, its status and the household head's name, as shown. */
    record Filing(String fileNumber, String unionId, String status, String householdHead, String caseProcessInstanceId) {
    }

    /** Gathers the filings a query reads row by row into people, in the order first met, each filing once. */
    final class People {

        private final java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, List<Filing>> filings = new java.util.LinkedHashMap<>();

        public void add(String idNumber, String name, Filing filing) {
            names.putIfAbsent(idNumber, name);
            List<Filing> own = filings.computeIfAbsent(idNumber, k -> new java.util.ArrayList<>());
            if (own.stream().noneMatch(f -> f.fileNumber().equals(filing.fileNumber()))) {
                own.add(filing);
            }
        }

        public List<Person> list() {
            return filings.entrySet().stream().map(e -> new Person(e.getKey(), names.get(e.getKey()), e.getValue()))
                    .toList();
        }
    }
}
