/**
 * What every module needs from the embedded engine and nothing else: running bookkeeping without the acting user's
 * authorization checks. The bottom of the module graph (organisation and casework both use it).
 */
package org.unionassist.engine;
