/** What a procedure holds and the rules it must keep: plain Java, no Spring. */
@org.springframework.modulith.NamedInterface("core")
package vn.motcua.catalog.core;
