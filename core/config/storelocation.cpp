// SPDX-License-Identifier: GPL-3.0-or-later
#include "storelocation.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StoreLocation", text);
}

const QStringList sslModes = { u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s };
} // namespace

bool StoreLocation::isUrl(const QString &location)
{
    return location.startsWith("postgresql://"_L1) || location.startsWith("postgres://"_L1);
}

QString StoreLocation::display() const
{
    if (!isPostgres())
        return path;
    QString shown = u"postgresql://%1@%2"_s.arg(user, host.startsWith(u'/') ? u"(socket %1)"_s.arg(host) : host);
    if (!host.startsWith(u'/'))
        shown += u":%1"_s.arg(port);
    shown += u'/' + database;
    if (!sslMode.isEmpty())
        shown += "?sslmode="_L1 + sslMode;
    return shown;
}

QString StoreLocation::connectOptions() const
{
    QStringList options { u"connect_timeout=%1"_s.arg(connectTimeoutSeconds) };
    if (!sslMode.isEmpty())
        options << "sslmode="_L1 + sslMode;
    if (!sslRootCert.isEmpty())
        options << "sslrootcert="_L1 + sslRootCert;
    options << u"application_name=baton"_s;
    return options.join(u';');
}

StoreLocation StoreLocation::parse(const QString &location, QString *error)
{
    StoreLocation result;
    if (!isUrl(location)) {
        result.path = location;
        return result;
    }
    auto invalid = [&](const QString &why) {
        if (error)
            *error = tr("[store] url %1 is not usable: %2").arg(location.section(u'@', -1), why);
        return StoreLocation {};
    };
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(url.errorString());
    if (!url.password().isEmpty())
        return invalid(tr("it holds a password. baton.ini is not a secret: put the password in the keychain as "
                          "store.password (baton secret set store.password) or in BATON_STORE_PASSWORD."));
    result.kind = Kind::Postgres;
    result.user = url.userName();
    result.host = url.host();
    result.port = url.port(5432);
    result.database = url.path().mid(1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == "sslmode"_L1) {
            if (!sslModes.contains(value))
                return invalid(tr("sslmode=%1 is none of %2.").arg(value, sslModes.join(u", "_s)));
            result.sslMode = value;
        } else if (key == "sslrootcert"_L1) {
            result.sslRootCert = value;
        } else if (key == "host"_L1) {
            result.host = value;
        } else if (key == "connect_timeout"_L1) {
            bool ok = false;
            result.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || result.connectTimeoutSeconds < 1)
                return invalid(tr("connect_timeout=%1 is not a whole number of seconds.").arg(value));
        } else {
            return invalid(
                tr("the option %1 is unknown (known: sslmode, sslrootcert, host, connect_timeout).").arg(key));
        }
    }
    if (result.host.isEmpty())
        return invalid(tr("it names no host."));
    if (result.database.isEmpty() || result.database.contains(u'/'))
        return invalid(tr("it names no database (postgresql://user@host:5432/baton)."));
    if (result.user.isEmpty())
        return invalid(tr("it names no user (postgresql://user@host:5432/baton)."));
    return result;
}
