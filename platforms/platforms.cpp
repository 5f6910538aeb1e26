// SPDX-License-Identifier: GPL-3.0-or-later
// The adapters (telegram/, discord/, slack/) are added to this library by the gateway issue.
