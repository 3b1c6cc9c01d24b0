#include "fake_node.h"

#include <vector>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cardioseg::testing {

FakeNode::FakeNode(Behaviour behaviour) : m_behaviour(behaviour) {
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    ::listen(m_listen, 8);
    m_thread = std::thread([this] { serve(); });
}

FakeNode::~FakeNode() {
    m_stop = true;
    m_thread.join();
    ::close(m_listen);
}

void FakeNode::serve() {
    std::vector<int> clients;
    while (!m_stop) {
        pollfd p{m_listen, POLLIN, 0};
        if (::poll(&p, 1, 50) > 0) {
            const int c = ::accept(m_listen, nullptr, nullptr);
            if (c >= 0) {
                clients.push_back(c);
                if (m_behaviour == Behaviour::Garbage) {
                    char buf[4096];
                    pollfd cp{c, POLLIN, 0};
                    if (::poll(&cp, 1, 2000) > 0) (void)::recv(c, buf, sizeof buf, 0);
                    // An A-ASSOCIATE-AC PDU type with a nonsense length and body.
                    const char junk[] = "\x02\x00\x00\x00\x00\x10HTTP/1.1 200 OK\r\n\r\n<html>not a PACS</html>";
                    (void)::send(c, junk, sizeof junk - 1, MSG_NOSIGNAL);
                }
            }
        }
    }
    for (int c : clients) ::close(c);
}

}  // namespace cardioseg::testing
