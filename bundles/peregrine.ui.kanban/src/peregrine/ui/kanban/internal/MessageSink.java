package peregrine.ui.kanban.internal;

/** Where the board's long actions say how they ended: the message line above the board. Display thread only. */
@FunctionalInterface
interface MessageSink {

    /** Shows {@code text} with the JFace message image {@code imageKey}, e.g. {@code Dialog.DLG_IMG_MESSAGE_INFO}. */
    void show(String imageKey, String text);
}
