package org.unionassist.casework.signoff;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a decision by its name ({@code APPROVE}, {@code NOTICE_PASSED}), as the audit table always has. */
@Converter
class DecisionColumn implements AttributeConverter<Decision, String> {

    @Override
    public String convertToDatabaseColumn(Decision decision) {
        return decision == null ? null : decision.name();
    }

    @Override
    public Decision convertToEntityAttribute(String name) {
        return name == null ? null : Decision.fromName(name);
    }
}
