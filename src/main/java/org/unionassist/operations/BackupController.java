package org.unionassist.operations;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.Operators;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/operations/backups}: an operator (camunda-admin) takes an online backup of the embedded database.
 * Who took which backup is logged; the intervention trail records changes to one case, which a backup is not.
 */
@RestController
@RequestMapping("/api/operations/backups")
public class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);

    private final DatabaseBackup backup;
    private final IdentityService identityService;

    public BackupController(DatabaseBackup backup, IdentityService identityService) {
        this.backup = backup;
        this.identityService = identityService;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> take() {
        Authentication caller = Operators.require(identityService, "备份数据库");
        DatabaseBackup.Backup made = backup.take();
        log.info("Database backup by {}: {} ({} bytes)", caller.getUserId(), made.file(), made.sizeBytes());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("fileName", made.file().getFileName().toString());
        reply.put("sizeBytes", made.sizeBytes());
        reply.put("createdAt", made.createdAt().toString());
        reply.put("createdBy", caller.getUserId());
        return reply;
    }
}
