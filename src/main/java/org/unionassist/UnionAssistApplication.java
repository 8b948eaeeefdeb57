package org.unionassist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 工会帮扶审批平台: the embedded Camunda engine, its webapps and the union-assist domain in one app. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UnionAssistApplication {

    public static void main(String[] args) {
        SpringApplication.run(UnionAssistApplication.class, args);
    }
}
