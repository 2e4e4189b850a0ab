package peregrine.p2.ui.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.e4.ui.workbench.IWorkbench;

/** A workbench that only records what was asked of it: the dialogs' "restart" is {@code restart}. */
final class RecordingWorkbench {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final IWorkbench workbench = (IWorkbench) Proxy.newProxyInstance(IWorkbench.class.getClassLoader(),
            new Class<?>[] { IWorkbench.class }, (proxy, method, args) -> {
                calls.add(method.getName());
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });
}
