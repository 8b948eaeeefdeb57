package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.unionassist.casework.UnionAssistException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.unionassist.support.Spreadsheets.excel;

/** Enrolment lists (姓名, 身份证号) as grassroots unions bring them: typed, pasted, or uploaded as Excel or CSV. */
class RosterTest {

    @Test
    void takesTypedPastedAndUploadedWorkersTogetherLeavingTheChecksToTheEnrolment() {
        VariableScope form = mock(VariableScope.class);
        when(form.getVariable("workers")).thenReturn(
                "[{\"workerName\":\"王芳\",\"workerIdNumber\":\"11010519491231002X\"},{\"workerName\":\"\"}]");
        when(form.getVariable("rosterText")).thenReturn("姓名,身份证\n李雷\t123\n,110105194912310029");
        when(form.getVariable("rosterUpload")).thenReturn(
                "[{\"name\":\"赵强\",\"idNumber\":\"110105194912310029\",\"source\":\"上传名单第5行\"}]");

        assertThat(Roster.from(form)).containsExactly(
                new RosterEntry("王芳", "11010519491231002X", "逐个录入第1人"),
                new RosterEntry("李雷", "123", "粘贴名单第2行"),
                new RosterEntry("", "110105194912310029", "粘贴名单第3行"),
                new RosterEntry("赵强", "110105194912310029", "上传名单第5行"));
    }

    @Test
    void refusesALineWithoutBothColumnsAndAFileOfAnotherKind() {
        VariableScope form = mock(VariableScope.class);
        when(form.getVariable("rosterText")).thenReturn("李雷");

        assertThatThrownBy(() -> Roster.from(form)).hasMessage("粘贴名单第1行应为“姓名,身份证号”两列");
        assertThatThrownBy(() -> Roster.file("名单.pdf", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("只支持 Excel");
    }

    @Test
    void aNameCellThatIsANumberIsReadAsItDisplaysForTheEnrolmentToRefuse() throws IOException {
        byte[] numeric = excel(new Object[][]{{"姓名", "身份证号"}, {"王芳", "11010519491231002X"},
                {1.0E308, "110105194912310029"}});
        assertThat(Roster.file("名单.xlsx", new ByteArrayInputStream(numeric))).extracting(RosterEntry::name)
                .containsExactly("王芳", "1E+308");
        byte[] csv = "王芳,11010519491231002X\n[1;2],110105194912310029\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Roster.file("list.csv", new ByteArrayInputStream(csv))).extracting(RosterEntry::name)
                .containsExactly("王芳", "[1");
    }

    @Test
    void everyLineShortOfAColumnIsNamedInOneRefusal() {
        VariableScope form = mock(VariableScope.class);
        when(form.getVariable("rosterText")).thenReturn("李雷\n王芳,11010519491231002X\n赵强\n");

        assertThatThrownBy(() -> Roster.from(form)).isInstanceOf(UnionAssistException.class)
                .hasMessage("参保名单中有2处需要改正：粘贴名单第1行应为“姓名,身份证号”两列；粘贴名单第3行应为“姓名,身份证号”两列");
    }
}
