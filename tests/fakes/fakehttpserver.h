// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QUrlQuery>

#include <functional>

class QTcpServer;
class QTcpSocket;

/// One parsed HTTP/1.1 request.
struct FakeHttpRequest
{
    QByteArray method;
    QByteArray path; // without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

/**
 * @brief The HTTP/1.1 part every fake server shares: accepts on 127.0.0.1, parses requests (also
 * several on one keep-alive connection) and hands them to a handler that may answer at once or later.
 */
class FakeHttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const FakeHttpRequest &, QTcpSocket *)>;

    explicit FakeHttpServer(Handler handler, QObject *parent = nullptr);

    bool listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] int connectionCount() const { return m_connections; }

    /// A complete response with a Content-Length.
    static void respond(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
        const QByteArray &extraHeaders = {});
    static QByteArray statusLine(int status);

private:
    void onReadable(QTcpSocket *socket);

    Handler m_handler;
    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
};
