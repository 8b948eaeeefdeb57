package org.unionassist.casework.signoff;

import org.unionassist.casework.CaseRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The sign-off policy of a programme whose record has the shared {@link org.unionassist.casework.CaseHeader}: the
 * three unions and the case number are protected for every such programme; it names what else it protects.
 */
public abstract class CasePolicy<R extends CaseRecord> extends CaseRecordPolicy<R> {

    protected CasePolicy(String processKey) {
        super(processKey);
    }

    @Override
    protected final Map<String, Function<R, Object>> protectedVariables() {
        Map<String, Function<R, Object>> owned = new HashMap<>(alsoProtected());
        owned.put("grassrootsUnion", CaseRecord::getGrassrootsUnionId);
        owned.put("districtUnion", CaseRecord::getDistrictUnionId);
        owned.put("cityUnion", CaseRecord::getCityUnionId);
        owned.put("caseNumber", CaseRecord::getCaseNumber);
        return owned;
    }

    /** Further variables the programme's record owns (category, payout, approval level…), variable → its reader. */
    protected Map<String, Function<R, Object>> alsoProtected() {
        return Map.of();
    }

    @Override
    protected final String caseNumber(R record) {
        return record.getCaseNumber();
    }
}
