package peregrine.p2.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

import peregrine.p2.Plugin;

/** A table of plug-ins: name, version, vendor and feature id, one selectable row each. */
final class PluginTable {

    private final TableViewer viewer;

    PluginTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Name", 220, Plugin::name);
        column("Version", 150, Plugin::version);
        column("Vendor", 110, Plugin::vendor);
        column("Id", 260, Plugin::id);
    }

    private void column(String title, int width, Function<Plugin, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Plugin) element);
            }
        });
    }

    void show(List<Plugin> plugins) {
        viewer.setInput(plugins);
        if (!plugins.isEmpty()) {
            viewer.getTable().select(0);
        }
    }

    Optional<Plugin> selected() {
        return Optional.ofNullable((Plugin) ((IStructuredSelection) viewer.getSelection()).getFirstElement());
    }

    TableViewer viewer() {
        return viewer;
    }
}
