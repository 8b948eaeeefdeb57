package org.unionassist.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.net.URI;

/**
 * The intake API of online service channels (服务一张网): files applications of three programmes with the fields of
 * their Tasklist start forms, and tells the channel where its applications stand. Documented with OpenAPI
 * ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}, both behind login).
 */
@RestController
@Tag(name = "线上受理", description = "线上服务渠道提交困难职工认定、职工医疗互助理赔和金秋助学申请，并查询办理进度。"
        + "渠道以自己的技术账号（HTTP Basic）调用，绑定一个基层工会：申请由该基层工会受理，与经办人在任务中心提交的完全相同"
        + "（同样的校验、中文提示和错误码）。出错时返回 JSON：{\"type\", \"code\", \"message\"}。")
public class IntakeController {

    static final String KEY_HEADER = "Idempotency-Key";
    private static final String STATUS = "/api/intake/applications/";

    private final OnlineIntake intake;
    private final ApplicationStatus status;
    private final IdentityService identityService;

    public IntakeController(OnlineIntake intake, ApplicationStatus status, IdentityService identityService) {
        this.intake = intake;
        this.status = status;
        this.identityService = identityService;
    }

    /** What a filing answers: the case (201 when filed now, 200 when this was a retry of the same application). */
    @Schema(description = "受理结果")
    public record Receipt(
            @Schema(description = "案件号", example = "KN2026000123") String caseNumber,
            @Schema(description = "流程实例 ID") String processInstanceId,
            @Schema(description = "业务", example = "困难职工认定申请") String programme,
            @Schema(description = "true：同一幂等键的重试，返回的是第一次提交时受理的案件") boolean replayed,
            @Schema(description = "查询办理进度的地址") String statusUrl) {
    }

    @PostMapping("/api/intake/hardship-applications")
    @Operation(summary = "提交困难职工认定申请", description = FILING + "字段与任务中心「提交认定申请」表单相同（家庭成员为 JSON 数组）。")
    @ApiResponse(responseCode = "201", description = "已受理，新建案件")
    @ApiResponse(responseCode = "200", description = "同一幂等键、同一申请的重试：返回第一次受理的案件")
    @ApiResponse(responseCode = "400", description = ERRORS_400, content = @Content(schema = @Schema(ref = "ErrorReply")))
    @ApiResponse(responseCode = "409", description = "该家庭已有在档档案或正在办理的申请（20010 等）", content = @Content(schema = @Schema(ref = "ErrorReply")))
    @ApiResponse(responseCode = "422", description = "20801 幂等键已用于另一份申请", content = @Content(schema = @Schema(ref = "ErrorReply")))
    @ApiResponse(responseCode = "429", description = RATE_LIMIT, content = @Content(schema = @Schema(ref = "ErrorReply")))
    public ResponseEntity<Receipt> fileHardship(
            @Parameter(in = ParameterIn.HEADER, name = KEY_HEADER, required = true, description = KEY, example = "8f14e45f-ceea-467f-a8d6-1e6c2b3f9a01")
            @RequestHeader(name = KEY_HEADER, required = false) String key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "申请表字段",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"),
                            examples = @ExampleObject(name = "深度困难家庭", value = HARDSHIP_EXAMPLE)))
            @RequestBody(required = false) JsonNode application) {
        return file(IntakeProgramme.HARDSHIP, key, application);
    }

    @PostMapping("/api/intake/medical-claims")
    @Operation(summary = "提交职工医疗互助理赔申请", description = FILING + "字段与任务中心「提交理赔申请」表单相同；日期为 yyyy-MM-dd。")
    @ApiResponse(responseCode = "201", description = "已受理，新建案件")
    @ApiResponse(responseCode = "200", description = "同一幂等键、同一申请的重试：返回第一次受理的案件")
    @ApiResponse(responseCode = "400", description = ERRORS_400 + "；理赔规则（如未参保、免责期内、超过申请期限，205xx）", content = @Content(schema = @Schema(ref = "ErrorReply")))
    @ApiResponse(responseCode = "422", description = "20801 幂等键已用于另一份申请", content = @Content(schema = @Schema(ref = "ErrorReply")))
    @ApiResponse(responseCode = "429", description = RATE_LIMIT, content = @Content(schema = @Schema(ref = "ErrorReply")))
    public ResponseEntity<Receipt> fileMedicalClaim(
            @Parameter(in = ParameterIn.HEADER, name = KEY_HEADER, required = true, description = KEY)
            @RequestHeader(name = KEY_HEADER, required = false) String key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "理赔申请表字段",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"),
                            examples = @ExampleObject(name = "住院理赔", value = MEDICAL_EXAMPLE)))
            @RequestBody(required = false) JsonNode application) {
        return file(IntakeProgramme.MEDICAL_CLAIM, key, application);
    }

    @PostMapping("/api/intake/education-grants")
    @Operation(summary = "提交金秋助学申请", description = FILING + "字段与任务中心「提交金秋助学申请」表单相同；只在申请期内受理。")
    @ApiResponse(responseCode = "201", description = "已受理，新建案件")
    @ApiResponse(responseCode = "200", description = "同一幂等键、同一申请的重试：返回第一次受理的案件")
    @ApiResponse(responseCode = "400", description = ERRORS_400 + "；资助规则（如不在申请期内、不符合资助条件，206xx）", content = @Content(schema = @Schema(ref = "ErrorReply")))
    @ApiResponse(responseCode = "422", description = "20801 幂等键已用于另一份申请", content = @Content(schema = @Schema(ref = "ErrorReply")))
    @ApiResponse(responseCode = "429", description = RATE_LIMIT, content = @Content(schema = @Schema(ref = "ErrorReply")))
    public ResponseEntity<Receipt> fileEducationGrant(
            @Parameter(in = ParameterIn.HEADER, name = KEY_HEADER, required = true, description = KEY)
            @RequestHeader(name = KEY_HEADER, required = false) String key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "金秋助学申请表字段",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"),
                            examples = @ExampleObject(name = "本科新生", value = EDUCATION_EXAMPLE)))
            @RequestBody(required = false) JsonNode application) {
        return file(IntakeProgramme.EDUCATION_GRANT, key, application);
    }

    @GetMapping(STATUS + "{caseNumber}")
    @Operation(summary = "查询申请的办理进度", description = "只能查询本渠道提交的申请。办理中：当前环节及其办理期限；"
            + "已办结：结果，以及作出决定的签署（环节、结论、工会与角色、意见）。申请人姓名和身份证号只显示脱敏后的形式。")
    @ApiResponse(responseCode = "200", description = "办理进度")
    @ApiResponse(responseCode = "404", description = "20805 本渠道没有提交过该案件号的申请（包括其他渠道提交的申请）", content = @Content(schema = @Schema(ref = "ErrorReply")))
    @ApiResponse(responseCode = "429", description = RATE_LIMIT, content = @Content(schema = @Schema(ref = "ErrorReply")))
    public ApplicationStatus.Status status(@Parameter(description = "受理时返回的案件号") @PathVariable String caseNumber) {
        return status.of(caller(), caseNumber);
    }

    private ResponseEntity<Receipt> file(IntakeProgramme programme, String key, JsonNode application) {
        if (application == null) {
            throw new UnionAssistException(CaseworkError.MALFORMED_REQUEST, "请求内容为空：请提交申请表字段（JSON）");
        }
        OnlineIntake.Filed filed = intake.file(caller(), programme, key, application);
        IntakeRequest request = filed.request();
        String statusUrl = STATUS + request.getCaseNumber();
        Receipt receipt = new Receipt(request.getCaseNumber(), request.getProcessInstanceId(), programme.label(),
                filed.replayed(), statusUrl);
        return ResponseEntity.status(filed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create(statusUrl)).body(receipt);
    }

    private String caller() {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
            throw new UnionAssistException(CaseworkError.SIGNER_UNKNOWN, "请先登录");
        }
        return caller.getUserId();
    }

    static final String FILING = "以绑定的基层工会名义受理，与该工会经办人在任务中心提交相同：由业务自己的受理环节校验，"
            + "不通过时什么也不保存（幂等键仍可再用）。请求头 Idempotency-Key 必填：同一渠道、同一幂等键、同一申请内容的重试返回同一案件"
            + "（200），绝不重复立案；同一幂等键、不同内容被拒绝（422）。";
    static final String KEY = "幂等键：渠道为每份申请生成的唯一值（如 UUID），1至100个可见英文字符；网络重试时保持不变";
    static final String ERRORS_400 = "20800 缺少或无效的幂等键；20806 申请表没有的字段；20004 请求内容无法读取；"
            + "20001 填写有误；20002 身份证号无效；20003 银行卡号无效；以及各业务受理环节的错误码（与任务中心表单相同）";
    static final String RATE_LIMIT = "20804 提交过于频繁：响应头 Retry-After 给出可重试的秒数";

    static final String HARDSHIP_EXAMPLE = """
            {
              "applicantName": "王建国",
              "applicantIdNumber": "110105197001010011",
              "applicantPhone": "13800138000",
              "bankCard": "6222020200112233445",
              "householdSize": 3,
              "householdMembers": [
                {"memberName": "李秀英", "memberRelation": "配偶", "memberIdNumber": ""},
                {"memberName": "王小明", "memberRelation": "子女", "memberIdNumber": ""}
              ],
              "annualIncome": 30000,
              "rigidExpenditure": 6000,
              "illnessAccidentCost": 0,
              "hardshipCause": "illness",
              "ownsMultipleHomes": false,
              "ownsBusinessOrEmploys": false,
              "privateCarNonWork": false,
              "childPrivateSchoolOrAbroad": false,
              "migrantWorker": false,
              "docIdAndHukou": true,
              "docIncomeProof": true,
              "docCauseProof": true,
              "docIncomePledge": true,
              "docDataCheckConsent": true
            }""";
    static final String MEDICAL_EXAMPLE = """
            {
              "memberIdNumber": "110105197001010011",
              "bankCard": "6222020200112233445",
              "claimType": "inpatient",
              "admissionDate": "2026-03-01",
              "dischargeDate": "2026-03-10",
              "diagnosis": "急性阑尾炎",
              "totalCost": 20000,
              "insurancePaid": 8000,
              "selfPaid": 12000,
              "docClaimForm": true,
              "docIdCard": true,
              "docBankCard": true,
              "docSettlementSheet": true,
              "docDischargeRecord": true,
              "docInvoices": true,
              "docPathologyReport": false
            }""";
    static final String EDUCATION_EXAMPLE = """
            {
              "studentName": "王小明",
              "studentIdNumber": "110105200801010014",
              "relationship": "child",
              "schoolName": "湖南大学",
              "level": "undergraduate",
              "yearOfStudy": 1,
              "proofKind": "admission",
              "proofChecked": true,
              "workerName": "王建国",
              "workerIdNumber": "110105197001010011",
              "bankCard": "6222020200112233445",
              "placement": "none",
              "otherFunding": false,
              "temporaryHardshipCause": ""
            }""";
}
