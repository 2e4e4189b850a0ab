"""Peregrine's own CalDAV push, replayed for the interop tests.

Follows the steps of Peregrine's scripts/integrations/apple_calendar.py (see docs: peregrine-schema.md and
issue 12) with Debian's python3-caldav: connect with DAVClient(url, username, password), take the calendar whose
name is calendar_name from principal.calendars() (else make_calendar(name=...)), and push the job's interview at
12:00 UTC on its interview_date for one hour. A job whose calendar_event_id is set is updated through
event_by_uid(calendar_event_id): the event's data is replaced (keeping that UID) and saved; any error there makes
it create a new event with UID peregrine-job-{id}@circuitforge.tech, as Peregrine does. The UID it pushed is
written to jobs.calendar_event_id (Peregrine records no provider) and printed.

Usage: peregrine_push.py STAGING_DB CALDAV_URL USERNAME PASSWORD CALENDAR_NAME JOB_ID
"""
import datetime
import sqlite3
import sys

import caldav


def ical(uid, summary, start):
    end = start + datetime.timedelta(hours=1)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CircuitForge//Peregrine//EN",
        "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp,
        "DTSTART:" + start.strftime("%Y%m%dT%H%M%SZ"), "DTEND:" + end.strftime("%Y%m%dT%H%M%SZ"),
        "SUMMARY:" + summary, "END:VEVENT", "END:VCALENDAR", ""])


def main(db, url, username, password, calendar_name, job_id):
    con = sqlite3.connect(db, timeout=30)
    row = con.execute("SELECT title, company, interview_date, calendar_event_id FROM jobs WHERE id = ?", (job_id,)).fetchone()
    if row is None:
        count, last = con.execute("SELECT count(*), max(id) FROM jobs").fetchone()
        sys.exit("%s has no job %s (%s jobs, the last is %s)" % (db, job_id, count, last))
    title, company, interview_date, event_id = row
    client = caldav.DAVClient(url, username=username, password=password)
    principal = client.principal()
    calendar = next((c for c in principal.calendars() if c.name == calendar_name), None)
    if calendar is None:
        calendar = principal.make_calendar(name=calendar_name)
    day = datetime.date.fromisoformat(interview_date[:10])
    start = datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=datetime.timezone.utc)
    summary = "Interview: %s @ %s (from Peregrine)" % (title, company)
    if event_id:
        try:
            event = calendar.event_by_uid(event_id)
            event.data = ical(event_id, summary, start)
            event.save()
            print(event_id)
            return
        except Exception:
            pass  # Peregrine falls back to creating an event
    uid = "peregrine-job-%s@circuitforge.tech" % job_id
    calendar.save_event(ical(uid, summary, start))
    con.execute("UPDATE jobs SET calendar_event_id = ? WHERE id = ?", (uid, job_id))
    con.commit()
    print(uid)


if __name__ == "__main__":
    main(*sys.argv[1:7])
