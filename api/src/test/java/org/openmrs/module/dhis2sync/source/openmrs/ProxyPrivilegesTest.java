package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class ProxyPrivilegesTest {

    private final List<String> events = new ArrayList<>();
    private final ProxyPrivileges.Grant grant = new ProxyPrivileges.Grant() {
        @Override
        public void add(String privilege) {
            events.add("+" + privilege);
        }

        @Override
        public void remove(String privilege) {
            events.add("-" + privilege);
        }
    };

    @Test
    @SuppressWarnings("unchecked")
    void grantsThePrivilegesForTheCallOnlyAndPassesTheResultThrough() {
        Supplier<String> target = () -> {
            events.add("call");
            return "patients";
        };
        Supplier<String> proxied = ProxyPrivileges.around(Supplier.class, target, grant, List.of("Get Patients", "Get Concepts"));

        assertThat(proxied.get()).isEqualTo("patients");
        assertThat(events).containsExactly("+Get Patients", "+Get Concepts", "call", "-Get Patients", "-Get Concepts");
    }

    @Test
    @SuppressWarnings("unchecked")
    void takesThemBackWhenTheCallFailsAndRethrowsTheCallersException() {
        Supplier<String> target = () -> {
            throw new IllegalStateException("no such patient");
        };
        Supplier<String> proxied = ProxyPrivileges.around(Supplier.class, target, grant, List.of("Get Patients"));

        assertThatThrownBy(proxied::get).isInstanceOf(IllegalStateException.class).hasMessage("no such patient");
        assertThat(events).containsExactly("+Get Patients", "-Get Patients");
    }
}
