package org.unionassist.casework;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one-off clean-up after upgrading to the release that keeps personal data out of the engine: values stored
 * before it (runtime variables of running cases, their history and details, submitted form fields) are overwritten
 * in place with the masked copies the engine now keeps. Run by an operator (camunda-admin); running it again changes
 * nothing. Written in SQL because the engine's API can only add history, not correct it.
 */
@RestController
public class PersonalDataCleanup {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCleanup.class);
    private static final List<String> TABLES = List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL");

    private final PersonalDataInEngine personalData;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final IdentityService identityService;

    public PersonalDataCleanup(PersonalDataInEngine personalData, JdbcTemplate jdbc, IdentityService identityService) {
        this.personalData = personalData;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.identityService = identityService;
    }

    @PostMapping("/api/admin/personal-data/cleanup")
    @Transactional
    public Map<String, Integer> cleanUp() {
        Authentication caller = Operators.require(identityService, "清理流程中的个人信息");
        Map<String, Integer> masked = new LinkedHashMap<>();
        for (String table : TABLES) {
            masked.put(table, maskRows(table));
        }
        log.info("Personal data clean-up by {}: values masked {}", caller.getUserId(), masked);
        return masked;
    }

    private int maskRows(String table) {
        var rows = named.queryForList("select ID_, NAME_, TEXT_, BYTEARRAY_ID_ from " + table + " where NAME_ in (:names)",
                new MapSqlParameterSource("names", personalData.sensitiveVariables()));
        int changed = 0;
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("NAME_");
            String text = (String) row.get("TEXT_");
            boolean rowChanged = false;
            if (text != null) {
                String maskedText = personalData.maskText(name, text);
                if (!maskedText.equals(text)) {
                    jdbc.update("update " + table + " set TEXT_ = ? where ID_ = ?", maskedText, row.get("ID_"));
                    rowChanged = true;
                }
            }
            if (row.get("BYTEARRAY_ID_") != null) {
                rowChanged |= maskByteArray(name, (String) row.get("BYTEARRAY_ID_"));
            }
            changed += rowChanged ? 1 : 0;
        }
        return changed;
    }

    private boolean maskByteArray(String name, String id) {
        byte[] bytes = jdbc.queryForObject("select BYTES_ from ACT_GE_BYTEARRAY where ID_ = ?", byte[].class, id);
        if (bytes == null) {
            return false;
        }
        byte[] masked = personalData.maskedBytes(name, bytes);
        if (masked == null || Arrays.equals(masked, bytes)) {
            return false;
        }
        jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ? where ID_ = ?", masked, id);
        return !Objects.equals(new String(masked, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.UTF_8));
    }
}
