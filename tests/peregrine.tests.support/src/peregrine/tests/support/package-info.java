/**
 * Fixtures shared by Peregrine's test fragments: a real Radicale started on a free loopback port, an
 * HTTPS server with a certificate nobody trusts, a test CA whose certificate the test JVM trusts with
 * HTTP(S) servers of the tests' own that record what they receive and a TLS front for a plain server,
 * capture of everything a test runtime prints, a search of files and text for secrets, and ways to
 * lock or freeze a database file.
 */
package peregrine.tests.support;
