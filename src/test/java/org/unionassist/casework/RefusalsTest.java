package org.unionassist.casework;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RefusalsTest {

    @Test
    void nothingRefusedThrowsNothingAndKeepsEveryResult() {
        Refusals refusals = new Refusals("参保名单");
        List<Integer> kept = new ArrayList<>();
        IntStream.rangeClosed(1, 3).forEach(i -> refusals.attempt(() -> i).ifPresent(kept::add));

        assertThat(kept).containsExactly(1, 2, 3);
        assertThatCode(refusals::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void oneRefusalIsThrownAsItWas() {
        Refusals refusals = new Refusals("参保名单");
        UnionAssistException only = new UnionAssistException(CaseworkError.INVALID_ID_NUMBER, "第2行身份证号无效");
        refusals.attempt(() -> 1);
        refusals.attempt(() -> {
            throw only;
        });

        assertThat(catchThrowableOfType(UnionAssistException.class, refusals::throwIfAny)).isSameAs(only);
    }

    @Test
    void manyRefusalsListTheFirstTenWithTheFirstsCodeAndCountTheRest() {
        Refusals refusals = new Refusals("参保名单");
        for (int line = 1; line <= 12; line++) {
            int n = line;
            refusals.attempt(() -> {
                throw new UnionAssistException(n == 1 ? CaseworkError.INVALID_INPUT : CaseworkError.INVALID_ID_NUMBER,
                        "第" + n + "行有误");
            });
        }

        UnionAssistException e = catchThrowableOfType(UnionAssistException.class, refusals::throwIfAny);
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("参保名单中有12处需要改正：第1行有误；第2行有误；第3行有误；第4行有误；第5行有误；"
                + "第6行有误；第7行有误；第8行有误；第9行有误；第10行有误；另有2处未列出");
    }

    @Test
    void otherFailuresAreNotCollected() {
        Refusals refusals = new Refusals("参保名单");
        assertThat(catchThrowableOfType(IllegalStateException.class,
                () -> refusals.attempt(() -> {
                    throw new IllegalStateException("bug");
                }))).hasMessage("bug");
    }
}
