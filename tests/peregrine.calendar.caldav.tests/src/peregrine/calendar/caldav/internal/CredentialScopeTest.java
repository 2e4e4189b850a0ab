package peregrine.calendar.caldav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses the CalDAV password may go to, for a given {@code caldav_url}: the public suffix list decides. */
class CredentialScopeTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            // iCloud: the front door names a calendar home on another host of icloud.com
            "https://caldav.icloud.com/,          https://p42-caldav.icloud.com:443/123/calendars/, true",
            "https://caldav.icloud.com/,          https://p42-caldav.icloud.com/123/calendars/,     true",
            "https://caldav.icloud.com/,          https://icloud.com/,                              true",
            "https://CalDAV.iCloud.com./,         https://caldav.icloud.com/,                       true",
            "https://caldav.icloud.com/,          http://p42-caldav.icloud.com/,                    false",
            "https://caldav.icloud.com/,          http://caldav.icloud.com/,                        false",
            "https://caldav.icloud.com/,          https://caldav.icloud.com.evil-calendar.net/,     false",
            "https://caldav.icloud.com/,          https://evil-icloud.com/,                         false",
            "https://caldav.icloud.com/,          https://com/,                                     false",
            // a registrable domain is one label under the public suffix, which may itself have two labels
            "https://dav.example.co.uk/,          https://p1.example.co.uk/,                        true",
            "https://dav.example.co.uk/,          https://other.co.uk/,                             false",
            // the list's private section: two users' sites under one hosting suffix are strangers
            "https://alice.github.io/,            https://mallory.github.io/,                       false",
            // plain HTTP: the configured origin only, exactly
            "http://caldav.example.com:8080/dav/, http://caldav.example.com:8080/other/,            true",
            "http://caldav.example.com:8080/,     http://caldav.example.com:8081/,                  false",
            "http://caldav.example.com:8080/,     http://p2.example.com:8080/,                      false",
            "http://caldav.example.com:8080/,     https://p2.example.com/,                          false",
            "http://caldav.example.com/,          http://caldav.example.com:80/,                    true",
            // an address, or a name under no public suffix: the exact origin only
            "https://127.0.0.1:5232/,             https://127.0.0.1:5232/alice/,                    true",
            "https://127.0.0.1:5232/,             https://127.0.0.2:5232/,                          false",
            "https://127.0.0.1:5232/,             https://127.0.0.1:5233/,                          false",
            "https://[::1]:5232/,                 https://[::1]:5232/alice/,                        true",
            "https://caldav.nas-at-home/,         https://other.nas-at-home/,                       false",
            "https://caldav.nas-at-home/,         https://caldav.nas-at-home/alice/,                true",
    })
    void admitsTheConfiguredOriginAndOverHttpsItsRegistrableDomainOnly(String configured, String request, boolean permitted) {
        assertEquals(permitted, CredentialScope.of(URI.create(configured)).permits(URI.create(request)));
    }

    @Test
    void describesWhatItAdmitsForMessages() {
        assertEquals("https://caldav.icloud.com and the other HTTPS hosts of icloud.com",
                CredentialScope.of(URI.create("https://caldav.icloud.com/")).describe());
        assertEquals("http://caldav.example.com:8080", CredentialScope.of(URI.create("http://caldav.example.com:8080/dav/")).describe());
        assertEquals("https://127.0.0.1:5232", CredentialScope.of(URI.create("https://127.0.0.1:5232/")).describe());
    }
}
