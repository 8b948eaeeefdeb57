package org.unionassist.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /audit/}: the auditors' workspace page (static/audit/index.html). The page itself is open like the webapps'
 * login pages; everything it shows comes from {@code /api/audit}, which needs the login.
 */
@Controller
class AuditWorkspacePage {

    @GetMapping({"/audit", "/audit/"})
    String page() {
        return "forward:/audit/index.html";
    }
}
