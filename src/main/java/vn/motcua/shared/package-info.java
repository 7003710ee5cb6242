/**
 * Small types every module may use: problems (errors with a stable code) and text
 * helpers.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.shared;
