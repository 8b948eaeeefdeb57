package org.unionassist.hardship;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a person's household stands in 困难职工建档, as other programmes ask it (education grants, the send-warmth
 * campaign). The file fields describe the household's open file, or, when none is open, its latest closed one
 * ({@code fileStatus} says which; all null when the household was never filed). {@code endedThisYear} is the latest
 * ending of this calendar year: the file closed, or an application found ineligible. Carries no personal data but the
 * masked ID number the caller asked about.
 */
public record HouseholdStanding(String maskedIdNumber, FileStatus fileStatus, String fileNumber,
                                HardshipCategory category, String unionId, LocalDate effectiveDate,
                                Ending endedThisYear) {

    /** A file closed (number: the file's) or an application rejected (number: the case's), with the recorded reason. */
    public record Ending(Kind kind, LocalDate on, String reason, String number) {
    }

    public enum Kind {
        FILE_CLOSED("档案已退出"),
        FOUND_INELIGIBLE("不予认定");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The household has an open file: {@link #category} is the one to go by. */
    public boolean filed() {
        return fileStatus == FileStatus.OPEN;
    }

    public Optional<Ending> ending() {
        return Optional.ofNullable(endedThisYear);
    }

    static HouseholdStanding notFound(String maskedIdNumber) {
        return new HouseholdStanding(maskedIdNumber, null, null, null, null, null, null);
    }
}
