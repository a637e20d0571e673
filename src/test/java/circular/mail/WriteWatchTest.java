package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write to a server that stops reading is cut off after the timeout, over a real socket, the
 * clock moved by the test.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WriteWatchTest {

  @Test
  void aWriteThatNeverReturnsIsCutOffOnceItsTimeoutHasPassed() throws Exception {
    long timeout =
        TimeUnit.SECONDS.toNanos(60); // the watcher's own look, once a second, never acts here
    try (ServerSocket server = new ServerSocket()) {
      server.setReceiveBufferSize(4096);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Socket socket = new WriteWatch(TimeUnit.NANOSECONDS.toMillis(timeout)).createSocket();
      socket.setSendBufferSize(4096);
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      try (Socket accepted = server.accept();
          socket) { // the server accepts and never reads
        WriteWatch.WatchedSocket watched = (WriteWatch.WatchedSocket) socket;
        OutputStream out = socket.getOutputStream();
        CompletableFuture<Void> writing =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    for (int i = 0; i < 10_000; i++) {
                      out.write(new byte[64 * 1024]);
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });

        // the clock as the watcher reads it, moved past the write that is in progress
        while (!socket.isClosed()) {
          long since = watched.writingSince();
          if (since != 0) {
            WriteWatch.closeStalled(since + timeout - 1);
            assertThat(socket.isClosed()).as("not closed before its timeout").isFalse();
            WriteWatch.closeStalled(since + timeout + 1);
          }
          Thread.onSpinWait();
        }

        assertThatThrownBy(writing::join).hasRootCauseInstanceOf(SocketException.class);
      }
    }
  }

  @Test
  void aSocketThatWritesAndReturnsIsLeftAlone() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket socket = new WriteWatch(1000).createSocket();
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      try (Socket accepted = server.accept();
          socket) {
        socket.getOutputStream().write("EHLO x\r\n".getBytes());
        WriteWatch.WatchedSocket watched = (WriteWatch.WatchedSocket) socket;

        assertThat(watched.writingSince()).isZero();
        WriteWatch.closeStalled(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        assertThat(socket.isClosed()).isFalse();
        assertThat(accepted.getInputStream().readNBytes(8)).isEqualTo("EHLO x\r\n".getBytes());
      }
    }
  }
}
