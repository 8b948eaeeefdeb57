package org.unionassist.casework.signoff;

import org.unionassist.casework.CaseRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * The sign-off policy of a programme whose record has the shared {@link org.unionassist.casework.CaseHeader}: the
 * three unions and the case number are protected for every such programme; it names what else it protects.
 */
public abstract class CasePolicy<R extends CaseRecord> extends CaseRecordPolicy<R> {

    protected CasePolicy(String processKey) {
        super(processKey);
    }

    @Override
    protected final Map<String, String> protectedValues(R record) {
        Map<String, String> expected = new HashMap<>(alsoProtected(record));
        expected.put("grassrootsUnion", record.getGrassrootsUnionId());
        expected.put("districtUnion", record.getDistrictUnionId());
        expected.put("cityUnion", record.getCityUnionId());
        expected.put("caseNumber", record.getCaseNumber());
        return expected;
    }

    /** Further variables the programme's record owns (category, payout, approval level…), variable → value. */
    protected Map<String, String> alsoProtected(R record) {
        return Map.of();
    }

    @Override
    protected final String caseNumber(R record) {
        return record.getCaseNumber();
    }
}
