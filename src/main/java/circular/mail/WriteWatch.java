package circular.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * A write timeout for SMTP sockets: a socket whose write has not returned after the timeout is
 * closed, so that a server that stops reading cannot hold a run forever. Angus offers the same
 * ({@code mail.smtp.writetimeout}), but schedules a timer task for every write and cancels it
 * after, several thread wake-ups per letter; here a write marks the time it starts and ends, and
 * one watcher thread for the whole process looks at the sockets once a second. TLS layered on such
 * a socket (STARTTLS, or smtps:// without a trust file of its own) writes through it too.
 *
 * <p>Used as Angus's {@code mail.smtp.socketFactory}, which makes each connection's plain socket.
 */
final class WriteWatch extends SocketFactory {
  private static final Set<WatchedSocket> OPEN = ConcurrentHashMap.newKeySet();
  private static final long TICK_MILLIS = 1000;
  private static volatile Thread watcher;

  private final long timeoutNanos;

  WriteWatch(long timeoutMillis) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  /** An unconnected socket, as Angus asks for one. */
  @Override
  public Socket createSocket() {
    startWatcher();
    return new WatchedSocket(timeoutNanos);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  /** Closes every socket whose current write began more than its timeout ago. */
  static void closeStalled(long now) {
    for (WatchedSocket socket : OPEN) {
      long since = socket.writingSince;
      if (since != 0 && now - since > socket.timeoutNanos) {
        try {
          socket.close(); // the blocked write fails with a SocketException
        } catch (IOException e) {
          // it is being closed either way
        }
      }
    }
  }

  private static void startWatcher() {
    if (watcher == null) {
      synchronized (WriteWatch.class) {
        if (watcher == null) {
          Thread thread = new Thread(WriteWatch::watch, "circular-write-watch");
          thread.setDaemon(true);
          thread.start();
          watcher = thread;
        }
      }
    }
  }

  private static void watch() {
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      closeStalled(System.nanoTime());
    }
  }

  /** A socket that says when a write is under way. */
  static final class WatchedSocket extends Socket {
    private final long timeoutNanos;
    private volatile long writingSince;
    private OutputStream out;

    WatchedSocket(long timeoutNanos) {
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      super.connect(endpoint, timeout);
      OPEN.add(this);
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out =
            new FilterOutputStream(super.getOutputStream()) {
              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                writingSince = nanoTimeNotZero();
                try {
                  super.out.write(b, off, len);
                } finally {
                  writingSince = 0;
                }
              }

              @Override
              public void flush() throws IOException {
                writingSince = nanoTimeNotZero();
                try {
                  super.out.flush();
                } finally {
                  writingSince = 0;
                }
              }
            };
      }
      return out;
    }

    @Override
    public synchronized void close() throws IOException {
      OPEN.remove(this);
      super.close();
    }

    /** Whether a write is under way, and since when ({@code System.nanoTime()}); for tests. */
    long writingSince() {
      return writingSince;
    }

    private static long nanoTimeNotZero() {
      long now = System.nanoTime();
      return now == 0 ? 1 : now;
    }
  }
}
