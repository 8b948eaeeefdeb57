package org.unionassist.payment;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /payments/}: the payments workspace page (static/payments/index.html), for the city union's clerks, chairs
 * and auditors: the payment batches with their lines, the bank file and the import of the bank's result (Tasklist's
 * forms cannot upload a file), the failed payments to re-issue to a corrected card, and the reconciliation. The page
 * itself is open like the webapps' login pages; everything it shows comes from {@code /api/payments} and
 * {@code /api/exports/payments}, which need the login and refuse anyone but the city's staff.
 */
@Controller
class PaymentWorkspacePage {

    @GetMapping({"/payments", "/payments/"})
    String page() {
        return "forward:/payments/index.html";
    }
}
