// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace Translations {

/// Installs the catalogue for the system locale (`:/i18n/baton_<lang>.qm`), when Baton has one.
/// BATON_LANG (e.g. "de") overrides the locale, for tests and screenshots.
void install(QCoreApplication &app);

} // namespace Translations
