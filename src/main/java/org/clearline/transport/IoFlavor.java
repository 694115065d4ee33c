package org.clearline.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.channels.spi.SelectorProvider;

/**
 * Native epoll when the platform has it, NIO otherwise. Epoll adds
 * SO_REUSEPORT, which lets one UDP socket per I/O thread share the port so
 * the kernel spreads datagrams over all threads (one NIO socket is read by a
 * single thread).
 */
enum IoFlavor {
    EPOLL {
        @Override IoHandlerFactory handlerFactory() { return EpollIoHandler.newFactory(); }
        @Override ChannelFactory<DatagramChannel> datagram(SocketProtocolFamily f) {
            return () -> new EpollDatagramChannel(f);
        }
        @Override ChannelFactory<ServerSocketChannel> server(SocketProtocolFamily f) {
            return () -> new EpollServerSocketChannel(f);
        }
        @Override ChannelFactory<SocketChannel> socket(SocketProtocolFamily f) {
            return () -> new EpollSocketChannel(f);
        }
        @Override boolean reusePort() { return true; }
        @Override void enableReusePort(Bootstrap udp) { udp.option(EpollChannelOption.SO_REUSEPORT, true); }
    },
    NIO {
        @Override IoHandlerFactory handlerFactory() { return NioIoHandler.newFactory(); }
        @Override ChannelFactory<DatagramChannel> datagram(SocketProtocolFamily f) {
            return () -> new NioDatagramChannel(f);
        }
        @Override ChannelFactory<ServerSocketChannel> server(SocketProtocolFamily f) {
            return () -> new NioServerSocketChannel(SelectorProvider.provider(), f);
        }
        @Override ChannelFactory<SocketChannel> socket(SocketProtocolFamily f) {
            return () -> new NioSocketChannel(SelectorProvider.provider(), f);
        }
        @Override boolean reusePort() { return false; }
        @Override void enableReusePort(Bootstrap udp) {}
    };

    abstract IoHandlerFactory handlerFactory();

    abstract ChannelFactory<DatagramChannel> datagram(SocketProtocolFamily family);

    abstract ChannelFactory<ServerSocketChannel> server(SocketProtocolFamily family);

    abstract ChannelFactory<SocketChannel> socket(SocketProtocolFamily family);

    /** True when several UDP sockets may bind the same port (one per I/O thread). */
    abstract boolean reusePort();

    abstract void enableReusePort(Bootstrap udp);

    static IoFlavor select(boolean preferNative) {
        return preferNative && Epoll.isAvailable() ? EPOLL : NIO;
    }

    static SocketProtocolFamily familyOf(InetAddress address) {
        return address instanceof Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }
}
