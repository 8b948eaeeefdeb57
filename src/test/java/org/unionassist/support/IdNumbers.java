package org.unionassist.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct resident ID numbers for tests (GB 11643 check digit), so tests sharing a database never collide. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500));

    private IdNumbers() {
    }

    public static String next() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n % 9000);
        return withCheckDigit("110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(n % 1000));
    }

    public static String withCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }
}
