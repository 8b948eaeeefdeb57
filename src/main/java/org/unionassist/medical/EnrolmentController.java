package org.unionassist.medical;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.unionassist.casework.UnionAssistException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.camunda.spin.Spin.JSON;

/**
 * Starts an enrolment from an uploaded Excel or CSV list: the same process as the Tasklist form (same checks, same
 * district confirmation), for lists too long to type. Camunda Forms in Tasklist have no file field, so the form
 * takes pasted lines and this endpoint takes files.
 */
@RestController
@RequestMapping("/api/medical-aid/enrolments")
public class EnrolmentController {

    private final FormService formService;
    private final RepositoryService repositoryService;
    private final EnrolmentRepository enrolments;

    public EnrolmentController(FormService formService, RepositoryService repositoryService,
                               EnrolmentRepository enrolments) {
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.enrolments = enrolments;
    }

    @PostMapping(consumes = "multipart/form-data")
    public Map<String, Object> upload(@RequestParam int planYear, @RequestParam MultipartFile file) {
        List<RosterEntry> roster;
        try (InputStream content = file.getInputStream()) {
            roster = Roster.file(file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名单文件无法读取");
        }
        List<Map<String, String>> rows = roster.stream()
                .map(r -> Map.of("name", r.name(), "idNumber", r.idNumber(), "source", r.source())).toList();
        String definitionId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(EnrolmentRecords.PROCESS).latestVersion().singleResult().getId();
        ProcessInstance started = formService.submitStartForm(definitionId, Variables.createVariables()
                .putValue("planYear", planYear)
                .putValue("rosterFileName", file.getOriginalFilename())
                .putValueTyped("rosterUpload", SpinValues.jsonValue(JSON(rows)).create()));
        Enrolment enrolment = enrolments.findByProcessInstanceId(started.getId()).orElseThrow();
        return Map.of("processInstanceId", started.getId(), "enrolmentNumber", enrolment.getCaseNumber(),
                "memberCount", enrolment.getMemberCount(), "feeTotal", enrolment.getFeeTotal().toPlainString());
    }
}
