package peregrine.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The peregrine-cli application. (Skeleton: being built.) */
public class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        return Integer.valueOf(2);
    }

    @Override
    public void stop() {
        // nothing runs in the background
    }
}
