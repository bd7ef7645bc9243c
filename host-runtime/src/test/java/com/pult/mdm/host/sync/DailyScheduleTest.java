package com.pult.mdm.host.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyScheduleTest {

    @Test
    void aTimeTheSpringForwardSkipsRunsOnceAtTheFirstInstantAfterTheGap() {
        ZoneId toronto = ZoneId.of("America/Toronto");
        DailySchedule schedule = new DailySchedule(LocalTime.of(2, 0), toronto);

        List<Instant> runs = runsBetween(schedule, "2019-03-09T12:00:00Z", "2019-03-11T04:00:00Z");

        assertEquals(
                1,
                runs.stream()
                        .filter(run -> run.atZone(toronto).getDayOfMonth() == 10)
                        .count());
        assertEquals(
                ZonedDateTime.parse("2019-03-10T03:00-04:00[America/Toronto]").toInstant(), runs.get(0));
    }

    @Test
    void aTimeTheFallBackRepeatsRunsOnceAtItsFirstOccurrence() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        DailySchedule schedule = new DailySchedule(LocalTime.of(2, 15), berlin);

        List<Instant> runs = runsBetween(schedule, "2024-10-26T12:00:00Z", "2024-10-27T12:00:00Z");

        assertEquals(
                List.of(ZonedDateTime.parse("2024-10-27T02:15+02:00[Europe/Berlin]")
                        .toInstant()),
                runs);
    }

    @Test
    void aLocalTimeStaysTheSameLocalTimeAfterTheChange() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        DailySchedule schedule = new DailySchedule(LocalTime.of(6, 0), chicago);

        List<Instant> runs = runsBetween(schedule, "2022-11-04T12:00:00Z", "2022-11-08T13:00:00Z");

        assertEquals(4, runs.size());
        runs.forEach(run -> assertEquals(LocalTime.of(6, 0), run.atZone(chicago).toLocalTime()));
        assertEquals(Instant.parse("2022-11-07T12:00:00Z"), runs.get(2));
    }

    @Test
    void theNextRunIsAlwaysStrictlyAfterTheLast() {
        DailySchedule schedule = new DailySchedule(LocalTime.of(3, 30), ZoneId.of("Europe/Berlin"));
        Instant at =
                ZonedDateTime.parse("2024-10-27T03:30+01:00[Europe/Berlin]").toInstant();

        assertTrue(schedule.nextAfter(at).isAfter(at));
    }

    private static List<Instant> runsBetween(DailySchedule schedule, String from, String to) {
        List<Instant> runs = new ArrayList<>();
        Instant end = Instant.parse(to);
        for (Instant run = schedule.nextAfter(Instant.parse(from)); run.isBefore(end); run = schedule.nextAfter(run)) {
            runs.add(run);
        }
        return runs;
    }
}
