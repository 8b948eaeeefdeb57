package org.unionassist.payment;

import java.math.BigDecimal;

/** What a programme asks the payment module to pay, for which case, to whom. */
public record PaymentOrder(String processInstanceId, String processDefinitionKey, String caseNumber,
                           String payeeName, String payeeIdNumber, String bankCard, BigDecimal amount,
                           String unionId) {
}
