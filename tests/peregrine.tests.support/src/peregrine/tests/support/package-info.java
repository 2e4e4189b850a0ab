/**
 * Fixtures shared by Peregrine's test fragments: a real Radicale started on a free loopback port, an
 * HTTPS server with a certificate nobody trusts, capture of everything a test runtime prints, a
 * search of files and text for secrets, and ways to lock or freeze a database file.
 */
package peregrine.tests.support;
