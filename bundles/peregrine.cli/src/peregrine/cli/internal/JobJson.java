package peregrine.cli.internal;

import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import peregrine.jobs.CalendarLink;
import peregrine.jobs.InterviewSlot;
import peregrine.jobs.Job;

/**
 * Jobs as {@code jobs list --json} prints them: one array of objects whose keys are the {@code jobs}
 * columns' names. {@code id, title, company, url, status, stage, interview_date, calendar_event_id,
 * calendar_provider} are always present (null when not set): {@code status} as stored, {@code stage} the
 * stage it names as {@code jobs move} takes it ({@code rejected} also for {@code interview_rejected}), null
 * for a status this version does not know; {@code interview_time},
 * {@code interview_zone}, {@code interview_duration_minutes}, {@code interview_location}, {@code applied_at},
 * {@code rejection_stage} and {@code calendar_links} (each calendar holding the interview: {@code provider}, null
 * for an event Peregrine recorded, {@code event_id}, {@code pushed_at} when known) only when set.
 */
final class JobJson {

    private static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create();

    private JobJson() {
    }

    static String toJson(List<Job> jobs) {
        JsonArray array = new JsonArray(jobs.size());
        jobs.forEach(job -> array.add(toJson(job)));
        return GSON.toJson(array);
    }

    static JsonObject toJson(Job job) {
        JsonObject o = new JsonObject();
        o.addProperty("id", job.id());
        o.addProperty("title", job.title());
        o.addProperty("company", job.company());
        o.add("url", job.url().isEmpty() ? JsonNull.INSTANCE : new JsonPrimitive(job.url()));
        o.addProperty("status", job.status());
        o.add("stage", job.stage().map(stage -> text(stage.dbValue())).orElse(JsonNull.INSTANCE));
        job.appliedAt().ifPresent(a -> o.addProperty("applied_at", a));
        job.rejectionStage().ifPresent(r -> o.addProperty("rejection_stage", r));
        o.add("interview_date", job.interview().map(s -> text(s.date())).orElse(JsonNull.INSTANCE));
        job.interview().flatMap(InterviewSlot::time).ifPresent(t -> o.addProperty("interview_time", t.toString()));
        job.interview().flatMap(InterviewSlot::zone).ifPresent(z -> o.addProperty("interview_zone", z.getId()));
        job.interview().flatMap(InterviewSlot::duration)
                .ifPresent(d -> o.addProperty("interview_duration_minutes", d.toMinutes()));
        job.interview().flatMap(InterviewSlot::location).ifPresent(l -> o.addProperty("interview_location", l));
        o.add("calendar_event_id", job.calendarLink().map(l -> text(l.eventId())).orElse(JsonNull.INSTANCE));
        o.add("calendar_provider", job.calendarLink().map(CalendarLink::providerId).filter(p -> !p.isEmpty())
                .map(JobJson::text).orElse(JsonNull.INSTANCE));
        if (!job.calendarLinks().isEmpty()) {
            JsonArray links = new JsonArray(job.calendarLinks().size());
            for (CalendarLink link : job.calendarLinks()) {
                JsonObject l = new JsonObject();
                l.add("provider", link.fromPeregrine() ? JsonNull.INSTANCE : text(link.providerId()));
                l.addProperty("event_id", link.eventId());
                link.pushedAt().ifPresent(at -> l.addProperty("pushed_at", at.toString()));
                links.add(l);
            }
            o.add("calendar_links", links);
        }
        return o;
    }

    private static JsonElement text(Object value) {
        return new JsonPrimitive(value.toString());
    }
}
