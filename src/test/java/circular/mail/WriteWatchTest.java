package circular.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A write to a server that stops reading is cut off after the timeout, over a real socket. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WriteWatchTest {

  @Test
  void aWriteThatNeverReturnsIsCutOffAfterTheTimeout() throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.setReceiveBufferSize(4096);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Socket socket = new WriteWatch(1000).createSocket();
      socket.setSendBufferSize(4096);
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      try (Socket accepted = server.accept(); socket) { // the server accepts and never reads
        OutputStream out = socket.getOutputStream();
        long start = System.nanoTime();

        assertThatThrownBy(() -> {
          for (int i = 0; i < 10_000; i++) {
            out.write(new byte[64 * 1024]);
          }
        }).isInstanceOf(SocketException.class);

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(seconds).as("cut off after the 1 s timeout, at the watcher's next look").isBetween(1L, 5L);
        assertThat(socket.isClosed()).isTrue();
      }
    }
  }

  @Test
  void aSocketThatWritesAndReturnsIsLeftAlone() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket socket = new WriteWatch(1000).createSocket();
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      try (Socket accepted = server.accept(); socket) {
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
