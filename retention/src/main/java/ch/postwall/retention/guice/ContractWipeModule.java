package ch.postwall.retention.guice;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.retention.wipe.ContractWipe;
import ch.postwall.retention.wipe.ContractWipeScheduler;
import ch.postwall.retention.wipe.MailboxWipeStep;
import ch.postwall.retention.wipe.RetentionPolicyWipeStep;

/**
 * The wipe of terminated contracts for every backend: James's data and the retention policies as steps, the
 * other modules' steps through the {@link WipeStep} set binder, and an hourly schedule. Needs a contract store
 * module and {@link RetentionEnforcementModule} (for the schedule's settings).
 */
public class ContractWipeModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<WipeStep> steps = Multibinder.newSetBinder(binder(), WipeStep.class);
        steps.addBinding().to(RetentionPolicyWipeStep.class);
        steps.addBinding().to(MailboxWipeStep.class);
        bind(ContractWipe.class).in(Scopes.SINGLETON);
        bind(ContractWipeScheduler.class).in(Scopes.SINGLETON);
    }

    @ProvidesIntoSet
    InitializationOperation startScheduler(ContractWipeScheduler scheduler) {
        return InitilizationOperationBuilder.forClass(ContractWipeScheduler.class).init(scheduler::start);
    }
}
