/**
 * What an operator needs to run the app on one or several nodes: the start-up lock that lets nodes boot at once on
 * one database, health and metrics for the load balancer and Prometheus, a graceful shutdown that hands back the
 * node's jobs, and the online backup of the embedded database. See docs/operations.md.
 */
package org.unionassist.operations;
