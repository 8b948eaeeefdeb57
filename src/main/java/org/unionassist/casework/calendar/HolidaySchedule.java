package org.unionassist.casework.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The national holiday schedule as published each year by the State Council: days off (放假) and make-up working days
 * (调休上班). Read from CSV files {@code date,kind,name} where kind is HOLIDAY or WORKDAY; later locations override
 * earlier ones, so an operator drops next year's file into ./config/calendar without a code change.
 */
public final class HolidaySchedule {

    private static final Logger log = LoggerFactory.getLogger(HolidaySchedule.class);

    public enum Kind { HOLIDAY, WORKDAY }

    private final Map<LocalDate, Kind> days;
    private final Set<Integer> years;

    HolidaySchedule(Map<LocalDate, Kind> days) {
        this.days = Map.copyOf(days);
        this.years = new TreeSet<>();
        days.keySet().forEach(d -> years.add(d.getYear()));
    }

    public static HolidaySchedule load(List<String> locationPatterns) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<LocalDate, Kind> days = new HashMap<>();
        for (String pattern : locationPatterns) {
            Resource[] resources;
            try {
                resources = resolver.getResources(pattern);
            } catch (IOException e) {
                log.debug("No holiday schedule at {}", pattern);
                continue;
            }
            for (Resource resource : resources) {
                if (resource.exists() && resource.isReadable()) {
                    read(resource, days);
                }
            }
        }
        return new HolidaySchedule(days);
    }

    private static void read(Resource resource, Map<LocalDate, Kind> days) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
                    continue;
                }
                String[] parts = trimmed.split(",", 3);
                try {
                    days.put(LocalDate.parse(parts[0].strip()), Kind.valueOf(parts[1].strip().toUpperCase()));
                } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalStateException("Holiday schedule " + resource.getDescription()
                            + " line " + lineNumber + " is not 'yyyy-MM-dd,HOLIDAY|WORKDAY,name': " + trimmed, e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read holiday schedule " + resource.getDescription(), e);
        }
    }

    /** null when the day follows the ordinary week (Monday to Friday working). */
    public Kind kindOf(LocalDate date) {
        return days.get(date);
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    public Set<Integer> years() {
        return years;
    }
}
