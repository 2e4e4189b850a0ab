package peregrine.ui.kanban.internal;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/**
 * A scheduling rule that conflicts only with itself: the jobs that share one run one at a time, in
 * the order they were scheduled.
 */
final class SerialRule implements ISchedulingRule {

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return rule == this;
    }

    @Override
    public boolean contains(ISchedulingRule rule) {
        return rule == this;
    }
}
