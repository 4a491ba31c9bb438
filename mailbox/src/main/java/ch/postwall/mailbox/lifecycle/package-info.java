/**
 * What every module contributes to the lifecycle of a user's data: export, retention and the wipe on
 * contract termination. The steps live here, in the module every other one depends on, and are
 * collected with Guice {@code Multibinder}s by the tasks of the {@code retention} module.
 */
package ch.postwall.mailbox.lifecycle;
