// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Translations {

void install(QCoreApplication &app)
{
    const QString forced = qEnvironmentVariable("BATON_LANG");
    const QLocale locale = forced.isEmpty() ? QLocale::system() : QLocale(forced);
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, u"baton"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace Translations
