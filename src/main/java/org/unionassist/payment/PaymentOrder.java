package org.unionassist.payment;

import java.math.BigDecimal;

/**
 * What a programme asks the payment module to pay, from which process, to whom and what for. A process pays each
 * payee at most once per purpose: {@code payeeKey} names the payee within the process in the programme's own terms
 * (its member or recipient row, e.g. {@code membership:42}), never an ID number; {@code purpose} is a short code such
 * as {@code MEDICAL_CLAIM}.
 */
public record PaymentOrder(String processInstanceId, String processDefinitionKey, String caseNumber,
                           String payeeKey, String purpose, String payeeName, String payeeIdNumber, String bankCard,
                           BigDecimal amount, String unionId) {
}
